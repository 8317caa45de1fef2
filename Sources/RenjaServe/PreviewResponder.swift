import Foundation
import Hummingbird
import RenjaKit

/// Answers every request of the preview: the site's files from the preview in memory (with the
/// live reload script, and the error overlay while the last save cannot be built), the search
/// index from the published output folder, and the reserved `/_renja/` paths. Only GET and HEAD.
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
            // The search bundles (the site's `pagefind/` and the groups' `pagefind/kelompok-<n>/`)
            // and the PDFs: from the published folder (the preview makes neither).
            if segments.prefix(2).contains(where: { $0 + "/" == Paths.searchBundle }) || (segments.last?.hasSuffix(".pdf") ?? false) {
                return try await published(segments, trailingSlash: trailingSlash, state: state, request: request)
            }
            guard await site.hasSite else {
                if state.failure != nil {
                    return html(.serviceUnavailable, LiveReload.errorPage(state.failure, version: state.version))
                }
                return plain(.notFound, "Situs belum dibangun.")
            }
            let path = segments.joined(separator: "/")
            if trailingSlash {
                if let data = await site.file(path.isEmpty ? "index.html" : path + "/index.html") {
                    return serve(data, path: path.isEmpty ? "index.html" : path + "/index.html", modified: state.changedAt, status: .ok, state: state, request: request)
                }
            } else if let data = await site.file(path) {
                return serve(data, path: path, modified: state.changedAt, status: .ok, state: state, request: request)
            } else if await site.isFolder(path) {
                var r = plain(.movedPermanently, "Pindah ke \(RequestTarget.encode(segments, trailingSlash: true))")
                r.headers[.location] = RequestTarget.encode(segments, trailingSlash: true)
                return r
            }
            return await notFound(state: state, request: request)
        }
    }

    /// The search index comes from the published folder (the preview renders no index of its own).
    private func published(_ segments: [String], trailingSlash: Bool, state: ServeState, request: Request) async throws -> Response {
        var resolution = files.resolve(segments, trailingSlash: trailingSlash)
        if resolution == .notFound || resolution == .noSite, !files.rootExists {
            // A request racing the fallback swap: the new folder is a moment away.
            try? await Task.sleep(nanoseconds: 50_000_000)
            resolution = files.resolve(segments, trailingSlash: trailingSlash)
        }
        switch resolution {
        case .file(let path, let modified):
            guard let data = FileManager.default.contents(atPath: path) else { return await notFound(state: state, request: request) }
            return serve(data, path: path, modified: modified, status: .ok, state: state, request: request)
        case .redirect(let location):
            var r = plain(.movedPermanently, "Pindah ke \(location)")
            r.headers[.location] = location
            return r
        case .forbidden:
            return plain(.forbidden, "Akses ditolak: berkas di luar folder situs.")
        case .notFound, .noSite:
            return await notFound(state: state, request: request)
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

    private func serve(_ bytes: Data, path: String, modified: Int, status: HTTPResponse.Status, state: ServeState, request: Request) -> Response {
        var data = bytes
        let type = HTTPSupport.contentType(forPath: path)
        var lastModified = modified
        if type.hasPrefix("text/html") {
            // The page's own file (none for the 404 page, shown for any address): a reload event
            // that does not name it leaves the page as it is.
            data = LiveReload.inject(into: data, version: state.version, failure: state.failure, publishing: state.publishing,
                                     file: status == .ok ? path : nil)
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

    /// The site's own 404 page (styled, its links from `/`, with live reload), or a plain one.
    private func notFound(state: ServeState, request: Request) async -> Response {
        if let data = await site.file("404.html") {
            return serve(data, path: "404.html", modified: state.changedAt, status: .notFound, state: state, request: request)
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
