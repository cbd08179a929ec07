// The headers the server stamps on every request (lib/net/client-address), overwriting any a client sent.
// Pure constants, safe for Next's proxy.

/** The client IP as resolved from the socket and trusted proxies. */
export const CLIENT_IP_HEADER = "x-iomt-client-ip";
/** "https" when the request reached us over TLS (directly, or through a trusted proxy that says so). */
export const CLIENT_PROTO_HEADER = "x-iomt-client-proto";
