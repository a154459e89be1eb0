package org.opsconsole.console;

import org.opsconsole.console.supervisor.ServiceLauncher;
import org.opsconsole.service.order.OrderService;
import org.opsconsole.service.user.UserService;

/**
 * The launchers GUI tests run the console with: the real, embedded services (in memory, on free
 * ports, as {@link org.opsconsole.console.session.ConsoleOptions#forTests()} says). The core's own tests use {@link FakeService}.
 */
public final class TestServices {

    private TestServices() {
    }

    public static ServiceLauncher users() {
        return UserService::start;
    }

    public static ServiceLauncher orders() {
        return OrderService::start;
    }
}
