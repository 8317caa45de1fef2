import Foundation

/// Renja's folder for what it remembers between runs (the build cache, where Pagefind is):
/// `$RENJA_CACHE_DIR`, `$XDG_CACHE_HOME/renja` or `~/.cache/renja`. Tests give every child process
/// its own through `RENJA_CACHE_DIR`.
package enum CacheFolder {
    package static func base(_ env: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = env["RENJA_CACHE_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg).appendingPathComponent("renja") }
        if let home = env["HOME"], !home.isEmpty { return URL(fileURLWithPath: home).appendingPathComponent(".cache/renja") }
        return FileManager.default.temporaryDirectory.appendingPathComponent("renja-cache")
    }
}
