package org.opsconsole.service.kit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets any number of connections be in use at once, or none while one exclusive piece of work
 * (compacting the database file) runs. A connection holds its pass from the moment it is handed out
 * until it is closed; the exclusive work waits for every pass to come back, and new callers wait
 * behind it (the gate is fair), so the work never runs beside a transaction.
 */
final class ConnectionGate {

    /** A source of connections, such as a pool. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private static final int PASSES = Integer.MAX_VALUE / 2;

    private final Semaphore passes = new Semaphore(PASSES, true);

    /** A connection from {@code source} that gives its pass back when it is closed. */
    Connection enter(ConnectionSource source) throws SQLException {
        passes.acquireUninterruptibly();
        Connection connection;
        try {
            connection = source.get();
        } catch (SQLException | RuntimeException | Error e) {
            passes.release();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                new PassHolder(connection));
    }

    /**
     * Runs {@code work} with no connection in use, once every connection handed out has been closed.
     * Gives up (answering false, running nothing) when they have not all been closed within
     * {@code patience}, e.g. when a caller holds one connection while asking for another.
     */
    boolean exclusive(Duration patience, Runnable work) throws InterruptedException {
        if (!passes.tryAcquire(PASSES, patience.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            passes.release(PASSES);
        }
    }

    private final class PassHolder implements InvocationHandler {

        private final Connection connection;
        private final AtomicBoolean held = new AtomicBoolean(true);

        PassHolder(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                try {
                    connection.close();
                } finally {
                    if (held.compareAndSet(true, false)) {
                        passes.release();
                    }
                }
                return null;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
