import Foundation
import LiveServerSupport
import Testing

/// A loopback server in python3 (its `ssl` module, a self-signed certificate made with `openssl`) that logs each
/// request's raw bytes and answers with fixed CORS heads, duplicates included; `plain` mode speaks http without TLS.
struct TLSTestServer {
    /// The python3 process, its port on 127.0.0.1 and its folder.
    let server: LiveServer

    /// The port on 127.0.0.1.
    var port: Int { server.port }

    /// The self-signed certificate (for `api.test`, `localhost` and 127.0.0.1), to trust with `--cacert`.
    var certificate: String { server.folder.appendingPathComponent("cert.pem").path }

    static let script = """
        import socket, ssl, sys
        cert, key, log_path, mode = sys.argv[1:5]
        context = None
        if mode == "tls":
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
        listener = socket.socket(); listener.bind(("127.0.0.1", 0)); listener.listen(8); listener.settimeout(120)
        print(listener.getsockname()[1], flush=True)
        log = open(log_path, "ab")
        while True:
            try:
                raw, _ = listener.accept()
            except socket.timeout:
                break
            try:
                raw.settimeout(10)
                conn = context.wrap_socket(raw, server_side=True) if context else raw
                data = b""
                while b"\\r\\n\\r\\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk: break
                    data += chunk
                    # Not an HTTP request (a TLS hello to the plain port): answer at once.
                    if not data[:1].isalpha(): break
                head, _, body = data.partition(b"\\r\\n\\r\\n")
                length = 0
                for line in head.split(b"\\r\\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length": length = int(value.strip())
                while len(body) < length:
                    chunk = conn.recv(65536)
                    if not chunk: break
                    body += chunk
                log.write(head + b"\\r\\n\\r\\n" + body + b"\\n=====\\n"); log.flush()
                if head.startswith(b"OPTIONS"):
                    conn.sendall(b"HTTP/1.1 204 No Content\\r\\nAccess-Control-Allow-Origin: http://app.test\\r\\n"
                                 b"access-control-allow-methods: PUT\\r\\nAccess-Control-Allow-Headers: content-type\\r\\n"
                                 b"Vary: Origin\\r\\nvary: Access-Control-Request-Method\\r\\n\\r\\n")
                else:
                    conn.sendall(b"HTTP/1.1 100 Continue\\r\\n\\r\\nHTTP/1.1 200 OK\\r\\n"
                                 b"Access-Control-Allow-Origin: http://app.test\\r\\nSet-Cookie: a=1\\r\\n"
                                 b"Set-Cookie: b=2\\r\\nX-Dup: one\\r\\nx-dup: two\\r\\nContent-Length: 2\\r\\n\\r\\nok")
                conn.close()
            except Exception as error:
                print(error, file=sys.stderr, flush=True)
                raw.close()
        """

    /// Makes a certificate and starts the server (`tls` false: plain http on the port).
    static func start(tls: Bool = true) async throws -> TLSTestServer {
        let folder = try ScratchFolder.make("tls-probe")
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        let openssl = try await Command.run(
            try Command.tool("openssl", install: "openssl (apt-get install -y openssl)"),
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                path("key.pem"), "-out", path("cert.pem"), "-days", "2", "-subj", "/CN=api.test", "-addext",
                "subjectAltName=DNS:api.test,DNS:localhost,IP:127.0.0.1",
            ])
        try #require(openssl.status == 0, "openssl could not make a certificate: \(openssl.error)")
        try script.write(toFile: path("server.py"), atomically: true, encoding: .utf8)
        let server = try await LiveServer.startAnnouncingPort(
            executable: try Command.tool("python3", install: "python3"),
            arguments: [path("server.py"), path("cert.pem"), path("key.pem"), path("log.txt"), tls ? "tls" : "plain"],
            folder: folder)
        return TLSTestServer(server: server)
    }

    /// The requests that arrived, each as its raw head and body.
    var log: [String] {
        let file = server.folder.appendingPathComponent("log.txt").path
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        return text.components(separatedBy: "\n=====\n").filter { !$0.isEmpty }
    }
}
