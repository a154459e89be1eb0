package org.opsconsole.console.cli;

import org.opsconsole.console.session.ConsoleVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the console's version. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"opsconsole " + ConsoleVersion.current()};
    }
}
