package org.opsconsole.console.load.workload;

import okhttp3.HttpUrl;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * Whether a URL's server runs on the machine that sends the load: then the two share its cores, and
 * a busy machine slows the server's answers and the sender alike. Names other than {@code localhost}
 * are not looked up (no DNS during the advice), so they count as elsewhere.
 */
public final class ThisMachine {

    private ThisMachine() {
    }

    public static boolean serves(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            return false;
        }
        String host = parsed.host();
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        try {
            InetAddress address = InetAddress.ofLiteral(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (IllegalArgumentException | SocketException e) {
            return false;
        }
    }
}
