import CORSCore
import Testing

@testable import CORSUI

/// `.text`, the characters the terminal loop found waiting together: the same end state as typing them one by one.
@Suite struct TextEventTests {
    @Test(arguments: [FieldID.methods, .method, .url])
    func pastedTextInAnEditEqualsTypingIt(_ field: FieldID) throws {
        var typed = try HandleTests.selecting(field, in: HandleTests.builtIn())
        press(.enter, .left, in: &typed)
        var pasted = typed
        type(", X-Pasted é😀", in: &typed)
        #expect(pasted.handle(.text(", X-Pasted é😀"), at: .zero) == nil)
        #expect(pasted == typed)
    }

    @Test func textOutsideAnEditActsAsKeysUntilACommand() throws {
        let start = try HandleTests.builtIn()
        var keys = start
        type("jjk", in: &keys)
        var text = start
        #expect(text.handle(.text("jjk"), at: .zero) == nil)
        #expect(text == keys)
        // `q` quits: what follows it is not handled.
        var quitting = start
        #expect(quitting.handle(.text("jqj"), at: .zero) == .quit)
        var once = start
        type("j", in: &once)
        #expect(quitting == once)
    }

    @Test func textStartingAnEditGoesIntoTheField() throws {
        var keys = try HandleTests.selecting(.method, in: HandleTests.builtIn())
        var text = keys
        type("eXY", in: &keys)
        #expect(keys.editing != nil)
        _ = text.handle(.text("eXY"), at: .zero)
        #expect(text == keys)
    }
}
