/// A row of an editor as it is shown: a label, the current value and how it can be changed.
public struct FormRow: Sendable, Equatable {
    /// How a row changes.
    public enum Kind: Sendable, Equatable {
        /// Enter opens a text editor.
        case text
        /// Enter picks the next of a few options.
        case choice
        /// Enter switches it on or off.
        case toggle
        /// A header line of a list: Enter edits `Name: value`; `a` adds, `d` deletes, `J`/`K` move it.
        case header
        /// Enter adds a header to the list.
        case add
        /// Shown, not editable here.
        case readOnly
    }

    /// Which field.
    public var id: FieldID
    /// The label in the left column.
    public var label: String
    /// The value as shown (and as the text editor starts).
    public var value: String
    /// How the row changes.
    public var kind: Kind
    /// A short hint shown while the row is being edited.
    public var hint: String

    /// Creates a row.
    public init(id: FieldID, label: String, value: String, kind: Kind, hint: String = "") {
        self.id = id
        self.label = label
        self.value = value
        self.kind = kind
        self.hint = hint
    }
}
