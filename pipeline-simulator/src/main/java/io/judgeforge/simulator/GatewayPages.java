package io.judgeforge.simulator;

/** HTML that stands where JSON was expected: what a gateway or proxy in front of an API sends. */
final class GatewayPages {
    /** A load balancer's 502 when the API behind it did not answer. */
    static final String BAD_GATEWAY = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>simulated gateway</center>\r\n</body>\r\n</html>\r\n";

    /** A proxy's sign-in page served with 200 in place of the API's reply. */
    static final String LOGIN_PAGE = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
            + "<title>Sign in to continue</title></head>\n<body>\n<h1>Sign in to continue</h1>\n"
            + "<p>Your session has expired. Sign in to the network gateway to reach this service.</p>\n"
            + "</body>\n</html>\n";

    private GatewayPages() {}
}
