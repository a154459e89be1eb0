package org.opsconsole.service.user;

import org.opsconsole.service.kit.StandaloneMain;

/** {@code java -jar user-service.jar}: the users service alone, configured by application.yaml, env and -D. */
public final class UserServiceMain {

    private UserServiceMain() {
    }

    public static void main(String[] args) {
        StandaloneMain.run(UserService.NAME, 8081, UserService::start);
    }
}
