package org.opsconsole.console.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One Ops Console (window or {@code serve}) per data folder: an OS file lock on
 * {@code console.lock}, which holds the owner's process id. The OS drops the lock when the
 * process ends, however it ends, so a crash leaves nothing to clean up.
 */
public final class DataFolderLock implements AutoCloseable {

    /** Another process holds the folder; the message says which, in words. */
    public static final class InUseException extends RuntimeException {
        private final Path folder;

        InUseException(Path folder, String owner) {
            super("Another Ops Console" + owner + " is using the data folder " + folder + ".");
            this.folder = folder;
        }

        public Path folder() {
            return folder;
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder for this process, or throws {@link InUseException}. */
    public static DataFolderLock acquire(Path folder) {
        Path file = folder.resolve("console.lock");
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;   // this very process holds it already
            }
            if (lock == null) {
                String owner = owner(channel);
                channel.close();
                throw new InUseException(folder, owner);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("can't lock the data folder " + folder, e);
        }
    }

    private static String owner(FileChannel channel) throws IOException {
        ByteBuffer pid = ByteBuffer.allocate(32);
        channel.read(pid, 0);
        String text = new String(pid.array(), 0, pid.position(), StandardCharsets.US_ASCII).strip();
        return text.matches("\\d+") ? " (process " + text + ")" : "";
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases it with the process anyway
        }
    }
}
