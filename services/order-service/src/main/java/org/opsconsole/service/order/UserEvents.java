package org.opsconsole.service.order;

/** How the orders service follows the users service's events: over HTTP, or from the broker. */
interface UserEvents {

    void start();

    void stop();
}
