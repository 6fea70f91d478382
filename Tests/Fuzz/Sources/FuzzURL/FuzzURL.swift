import CORSCore
import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The URL and origin parsers: never trap, and a parsed URL or origin parses again to itself from its serialization
/// (the WHATWG URL standard's serializer round trip).
@main
enum FuzzURLMain {
    static func main() {
        exit(FuzzDriver.run { data, size in data.map { fuzzURL($0, size) } ?? 0 })
    }
}

func fuzzURL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let url = try? ParsedURL.parse(text) {
        guard let again = try? ParsedURL.parse(url.description) else {
            fatalError("the serialization \(url.description.debugDescription) of a parsed URL does not parse")
        }
        precondition(again == url, "round trip changed \(url.description.debugDescription) to \(again)")
        _ = url.serializedWithoutFragment
    }
    if let origin = try? Origin.parse(text) {
        guard let again = try? Origin.parse(origin.serialized) else {
            fatalError("the serialization \(origin.serialized.debugDescription) of an origin does not parse")
        }
        precondition(again == origin, "round trip changed \(origin.serialized.debugDescription)")
    }
    _ = OriginPattern.parse(text)
    return 0
}
