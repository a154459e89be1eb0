package org.opsconsole.service.order;

import org.opsconsole.service.kit.StandaloneMain;

/** {@code java -jar order-service.jar}: the orders service alone, configured by application.yaml, env and -D. */
public final class OrderServiceMain {

    private OrderServiceMain() {
    }

    public static void main(String[] args) {
        StandaloneMain.run(OrderService.NAME, 8082, OrderService::start);
    }
}
