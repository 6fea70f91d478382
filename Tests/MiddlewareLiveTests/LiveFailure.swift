/// A live comparison could not run: a tool is missing or a server did not start.
struct LiveFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
