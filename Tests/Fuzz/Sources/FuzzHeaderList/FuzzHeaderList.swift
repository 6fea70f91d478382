import CORSCore
import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The token-list parser (Access-Control-Allow-Methods, -Allow-Headers, -Expose-Headers): never traps, and every
/// element it returns is a non-empty token without commas; lines are separated by 0x00 in the input.
@main
enum FuzzHeaderListMain {
    static func main() {
        exit(FuzzDriver.run { data, size in data.map { fuzzHeaderList($0, size) } ?? 0 })
    }
}

func fuzzHeaderList(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzBytes(data: data, size: size)
    let names = ["Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Expose-Headers"]
    var headers: [HeaderField] = []
    while !input.isAtEnd && headers.count < 16 {
        headers.append(HeaderField(input.pick(names), input.string()))
    }
    for name in names {
        switch HeaderListParser.parse(name, in: headers) {
        case .absent:
            precondition(!headers.contains { $0.name == name }, "\(name) is there but parsed as absent")
        case .list(let items):
            for item in items {
                precondition(item.isHTTPToken && !item.contains(","), "element \(item.debugDescription)")
            }
        case .failure(let element):
            precondition(!element.isHTTPToken, "\(element.debugDescription) is a token, yet failed")
        }
    }
    return 0
}
