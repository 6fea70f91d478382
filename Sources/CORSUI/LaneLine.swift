import CORSCore

/// One line of the exchange lane between the browser and the server.
struct LaneLine: Sendable, Equatable {
    /// What the line shows.
    enum Kind: Sendable, Equatable {
        /// A heading: "Before sending", "Preflight", "Verdict".
        case section
        /// A message travelling to the server (request line) or back (status line).
        case arrow(toServer: Bool)
        /// A header of a request on the wire.
        case requestHeader
        /// A header of a response, with a mark from the checks about it.
        case responseHeader
        /// A check that is not about a response header present on the wire.
        case check
        /// Plain text: notes, reasons, the script's result, console lines.
        case text
    }

    var kind: Kind
    var text: String
    /// Shown at the server end of an arrow (the status of a response).
    var trailing: String = ""
    /// The mark in front of the line, when checks are about it.
    var status: CheckStatus?
    /// The meaning of the text.
    var role: StyleRole = .plain
    var isBold = false
    /// Extra indentation, in cells.
    var indent = 0
    /// Long text that wraps instead of being cut (console messages).
    var wraps = false
    /// True for a failed check that only means "a preflight is needed", not a failure of the request.
    var failureMeansPreflight = false
    /// The check the detail pane explains when this line is selected.
    var check: Check?
    /// What the detail pane shows for a selected line without a check.
    var detail: [String] = []
    /// The animation beat at which the line appears.
    var beat: Int

    /// Whether the user can select the line to see details.
    var isSelectable: Bool { check != nil || !detail.isEmpty }
}
