import Foundation

extension LiveServer {
    /// nginx in the foreground on `port`, with `http` (one or more `server {}` blocks listening on 127.0.0.1:`port`)
    /// included in an `http {}` block whose pid, logs and temporary files stay in the server's own folder. `stop()`
    /// sends SIGTERM, so that the master stops its worker.
    public static func nginx(http: String, port: Int) async throws -> LiveServer {
        let nginx = try Command.tool("nginx", install: "nginx (apt-get install -y nginx)")
        let folder = try ScratchFolder.make("cors-nginx")
        let path = folder.path
        let configuration = """
            worker_processes 1;
            pid \(path)/nginx.pid;
            error_log \(path)/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path \(path)/body;
                proxy_temp_path \(path)/proxy;
                fastcgi_temp_path \(path)/fastcgi;
                uwsgi_temp_path \(path)/uwsgi;
                scgi_temp_path \(path)/scgi;
                include \(path)/http.conf;
            }
            """
        try http.write(to: folder.appendingPathComponent("http.conf"), atomically: true, encoding: .utf8)
        try configuration.write(to: folder.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        return try await start(
            executable: nginx,
            arguments: ["-p", path, "-c", "\(path)/nginx.conf", "-e", "\(path)/error.log", "-g", "daemon off;"],
            port: port, folder: folder, stopSignal: SIGTERM)
    }
}
