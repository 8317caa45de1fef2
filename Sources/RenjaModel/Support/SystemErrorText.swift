import Foundation

/// System errors (a full disk, a folder without write permission) in the words staff read: the
/// operating system's and Foundation's messages are English, and a message printed by Renja must
/// be Indonesian from start to end.
public enum SystemErrorText {
    /// The reason for an `errno` value, in Indonesian.
    public static func reason(errno code: Int32) -> String {
        switch code {
        case ENOSPC: return "ruang disk penuh"
        case EDQUOT: return "kuota disk habis"
        case EACCES, EPERM: return "izin ditolak"
        case EROFS: return "sistem berkas hanya dapat dibaca"
        case ENOENT: return "berkas atau folder tidak ada"
        case ENOTDIR: return "bagian jalurnya bukan folder"
        case EISDIR: return "jalurnya adalah folder"
        case EEXIST: return "sudah ada berkas dengan nama itu"
        case ENOTEMPTY: return "folder tidak kosong"
        case EBUSY: return "sedang dipakai program lain"
        case EMFILE, ENFILE: return "terlalu banyak berkas terbuka"
        case ENAMETOOLONG: return "nama berkas terlalu panjang"
        case EIO: return "kesalahan baca-tulis perangkat"
        case EXDEV: return "folder sementara berada di sistem berkas lain"
        default: return "kesalahan sistem nomor \(code)"
        }
    }

    /// The key under which Renja's own write failures keep their `errno`.
    public static let errnoKey = "RenjaErrno"

    /// An Indonesian description of any error a write can throw.
    public static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let code = ns.userInfo[errnoKey] as? Int32 {
            let message = ns.userInfo["RenjaMessage"] as? String ?? "berkas tidak dapat ditulis"
            let path = ns.userInfo[NSFilePathErrorKey] as? String
            return "\(message)\(path.map { " (\($0))" } ?? ""): \(reason(errno: code))"
        }
        let path = ns.userInfo[NSFilePathErrorKey] as? String ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        let suffix = path.map { " (\($0))" } ?? ""
        if let posix = error as? POSIXError { return "berkas tidak dapat ditulis\(suffix): \(reason(errno: posix.code.rawValue))" }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return "berkas tidak dapat ditulis\(suffix): \(reason(errno: Int32(underlying.code)))"
        }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteOutOfSpace: return "berkas tidak dapat ditulis\(suffix): \(reason(errno: ENOSPC))"
            case .fileWriteNoPermission, .fileReadNoPermission: return "berkas tidak dapat ditulis\(suffix): \(reason(errno: EACCES))"
            case .fileWriteVolumeReadOnly: return "berkas tidak dapat ditulis\(suffix): \(reason(errno: EROFS))"
            case .fileNoSuchFile, .fileReadNoSuchFile: return "berkas tidak dapat ditulis\(suffix): \(reason(errno: ENOENT))"
            case .fileWriteFileExists: return "berkas tidak dapat ditulis\(suffix): \(reason(errno: EEXIST))"
            default: break
            }
        }
        return "berkas tidak dapat ditulis\(suffix): kesalahan sistem (\(ns.domain) \(ns.code))"
    }
}
