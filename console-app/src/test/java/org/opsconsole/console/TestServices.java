package org.opsconsole.console;

import org.opsconsole.console.supervisor.ServiceLauncher;

/**
 * The launchers GUI tests run the console with. Fakes speaking the services' HTTP contract until
 * the real services land on this branch.
 */
public final class TestServices {

    private TestServices() {
    }

    public static ServiceLauncher users() {
        return FakeService.launcher(ConsoleSession.USERS, ConsoleSession.USERS_LOGGER);
    }

    public static ServiceLauncher orders() {
        return FakeService.launcher(ConsoleSession.ORDERS, ConsoleSession.ORDERS_LOGGER);
    }
}
