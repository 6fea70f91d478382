import CORSCore
import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The MIME type parser: never traps, and a parsed type parses again to itself from its serialization (MIME
/// Sniffing "serialize a MIME type").
@main
enum FuzzMIMEMain {
    static func main() {
        exit(FuzzDriver.run { data, size in data.map { fuzzMIME($0, size) } ?? 0 })
    }
}

func fuzzMIME(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let type = MIMEType.parse(text) else { return 0 }
    guard let again = MIMEType.parse(type.serialized) else {
        fatalError("the serialization \(type.serialized.debugDescription) does not parse")
    }
    precondition(again == type, "round trip changed \(type.serialized.debugDescription)")
    return 0
}
