import Foundation
import Hummingbird

/// Answers every request of the preview: the site's files from the output folder (with the live
/// reload script, and the error overlay while the last save cannot be built), and the reserved
/// `/_renja/` paths. Only GET and HEAD.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: PreviewSite
    let files: SiteFiles

    init(site: PreviewSite, root: URL) {
        self.site = site
        self.files = SiteFiles(root: root.standardizedFileURL)
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var r = plain(.methodNotAllowed, "Metode tidak didukung: pratinjau hanya melayani GET dan HEAD.")
            r.headers[.allow] = "GET, HEAD"
            return r
        }
        let response = try await route(request)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func route(_ request: Request) async throws -> Response {
        switch RequestTarget(raw: request.head.path ?? "/") {
        case .invalid:
            return plain(.badRequest, "Permintaan ditolak: alamat tidak sah.")
        case .reserved(let name):
            return await reserved(name, request: request)
        case .site(let segments, let trailingSlash):
            let state = await site.state
            var resolution = files.resolve(segments, trailingSlash: trailingSlash)
            if resolution == .notFound || resolution == .noSite, !files.rootExists {
                // A request racing the fallback swap: the new folder is a moment away.
                try? await Task.sleep(nanoseconds: 50_000_000)
                resolution = files.resolve(segments, trailingSlash: trailingSlash)
            }
            switch resolution {
            case .file(let path, let modified):
                return try serveFile(path, modified: modified, status: .ok, state: state, request: request)
            case .redirect(let location):
                var r = plain(.movedPermanently, "Pindah ke \(location)")
                r.headers[.location] = location
                return r
            case .forbidden:
                return plain(.forbidden, "Akses ditolak: berkas di luar folder situs.")
            case .notFound:
                return try notFound(state: state, request: request)
            case .noSite:
                if state.failure != nil {
                    return html(.serviceUnavailable, LiveReload.errorPage(state.failure, version: state.version))
                }
                return plain(.notFound, "Situs belum dibangun.")
            }
        }
    }

    private func reserved(_ name: String, request: Request) async -> Response {
        switch "/_renja/" + name {
        case LiveReload.eventsPath:
            return events()
        case LiveReload.scriptPath:
            var r = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: LiveReload.script)))
            r.headers[.contentType] = "text/javascript; charset=utf-8"
            r.headers[.cacheControl] = "no-cache"
            return r
        case LiveReload.errorPagePath:
            let state = await site.state
            return html(.ok, LiveReload.errorPage(state.failure, version: state.version))
        default:
            return plain(.notFound, "Tidak ditemukan.")
        }
    }

    /// Server-Sent Events: `halo` with the current version on connect, then `muat-ulang` after each
    /// published rebuild and `galat` after a failed one; a comment line keeps idle connections
    /// checked. The stream ends when the server stops.
    private func events() -> Response {
        let site = self.site
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let subscription = await site.subscribe()
            do {
                try await writer.write(ByteBuffer(string: "retry: 1000\n" + LiveReload.event("halo", data: subscription.version)))
                for await event in subscription.events {
                    try await writer.write(ByteBuffer(string: event.serverSentEvent))
                }
                await site.unsubscribe(subscription.id)
                try await writer.finish(nil)
            } catch {
                await site.unsubscribe(subscription.id)
                throw error
            }
        })
    }

    private func serveFile(_ path: String, modified: Int, status: HTTPResponse.Status, state: ServeState, request: Request) throws -> Response {
        guard var data = FileManager.default.contents(atPath: path) else {
            return plain(.notFound, "Tidak ditemukan.")
        }
        let type = HTTPSupport.contentType(forPath: path)
        var lastModified = modified
        if type.hasPrefix("text/html") {
            data = LiveReload.inject(into: data, version: state.version, failure: state.failure)
            lastModified = max(modified, state.changedAt)
        }
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        if status == .ok {
            let etag = HTTPSupport.entityTag(data)
            headers[.eTag] = etag
            headers[.lastModified] = HTTPSupport.httpDate(lastModified)
            if isNotModified(request, etag: etag, lastModified: lastModified) {
                return Response(status: .notModified, headers: headers)
            }
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// RFC 9110 §13.1: `If-None-Match` wins; `If-Modified-Since` only counts without it.
    private func isNotModified(_ request: Request, etag: String, lastModified: Int) -> Bool {
        if let inm = request.headers[.ifNoneMatch] {
            return HTTPSupport.noneMatch(inm, matches: etag)
        }
        if let ims = request.headers[.ifModifiedSince].flatMap(HTTPSupport.parseHTTPDate) {
            return lastModified <= ims
        }
        return false
    }

    /// The site's own 404 page (with live reload), or a plain one if the site has none.
    private func notFound(state: ServeState, request: Request) throws -> Response {
        if case .file(let path, let modified) = files.resolve(["404.html"], trailingSlash: false) {
            return try serveFile(path, modified: modified, status: .notFound, state: state, request: request)
        }
        return plain(.notFound, "Halaman tidak ditemukan.")
    }

    private func html(_ status: HTTPResponse.Status, _ data: Data) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
