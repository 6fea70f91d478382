import CORSCore
import CORSScenarios
import Foundation

/// Reads a HAR file (HTTP Archive 1.2, as Chromium's and Firefox's DevTools export it) and turns one entry into a
/// scenario with the recorded responses.
///
/// The entry's request becomes the scenario's request; its status and headers the raw actual response; the
/// nearest `OPTIONS` entry for the same URL before it (Chromium records preflights as entries of their own) the raw
/// preflight response. A redirect entry is followed through the later entries for its `Location`, each hop
/// becoming a redirect of the scenario's server.
public enum HARImport {
    /// One request of the HAR that can be imported.
    public struct Candidate: Sendable, Equatable {
        /// Its number in the listing, from 1, in file order (preflights are not numbered).
        public var number: Int
        /// The method.
        public var method: String
        /// The URL.
        public var url: String
        /// The response status (0: the HAR has no response).
        public var status: Int
    }

    /// Which entry to import.
    public enum Selection: Sendable, Equatable {
        /// The only candidate; several candidates are an error listing them.
        case only
        /// The candidate with this number (from 1, as listed).
        case number(Int)
        /// The only candidate whose URL contains this text.
        case urlContaining(String)
    }

    /// The import failed because the choice is ambiguous; `candidates` are the entries to choose from.
    public struct Ambiguous: Error, Sendable, Equatable {
        /// What made the choice ambiguous.
        public var message: String
        /// The entries to choose from.
        public var candidates: [Candidate]
    }

    /// A HAR entry reduced to what the import reads.
    struct Entry {
        var request: CopiedRequest
        var status: Int
        var responseHeaders: [HeaderField]
        var isPreflight: Bool
    }

    /// The scenario for the selected entry of the HAR `data`; `file` names it in errors.
    public static func scenario(
        from data: Data, file: String, selection: Selection, origin: String? = nil
    ) throws -> ImportedScenario {
        let entries = try parse(data, file: file)
        let candidates = entries.indices.filter { !entries[$0].isPreflight }
        guard !candidates.isEmpty else { throw ImportError("\(file): the HAR has no requests to import") }
        let listing = candidates.enumerated().map { number, index in
            Candidate(
                number: number + 1, method: entries[index].request.method, url: entries[index].request.url,
                status: entries[index].status)
        }
        let chosen: Int
        switch selection {
        case .only:
            guard candidates.count == 1 else {
                throw Ambiguous(
                    message: "\(file) has \(candidates.count) requests: choose one with --entry N or --url TEXT",
                    candidates: listing)
            }
            chosen = candidates[0]
        case .number(let number):
            guard (1...candidates.count).contains(number) else {
                throw ImportError("\(file): there is no entry \(number); entries are numbered 1 to \(candidates.count)")
            }
            chosen = candidates[number - 1]
        case .urlContaining(let text):
            let matching = listing.filter { $0.url.contains(text) }
            guard let first = matching.first else {
                throw ImportError("\(file): no request URL contains '\(Escaping.visible(text))'")
            }
            guard matching.count == 1 else {
                throw Ambiguous(
                    message: "\(matching.count) requests in \(file) have URLs containing '\(Escaping.visible(text))': "
                        + "choose one with --entry N",
                    candidates: matching)
            }
            chosen = candidates[first.number - 1]
        }
        return try scenario(entries: entries, chosen: chosen, origin: origin)
    }

    private static func scenario(entries: [Entry], chosen: Int, origin: String?) throws(ImportError)
        -> ImportedScenario
    {
        let entry = entries[chosen]
        var notes: [String] = []
        let request = try entry.request.browserRequest(origin: origin, notes: &notes)
        let preflight = entries[..<chosen].last {
            $0.isPreflight && sameURL($0.request.url, entry.request.url)
        }
        if let preflight {
            notes.append("the preflight response comes from the OPTIONS entry before it (status \(preflight.status))")
        }
        var redirects: [ServerRedirect] = []
        var final = entry
        var position = chosen
        while HTTPStatus.isRedirect(final.status),
            let location = final.responseHeaders.combinedValue(named: "Location"),
            let from = try? ParsedURL.parse(final.request.url),
            let target = resolve(location, against: final.request.url),
            let next = entries[(position + 1)...].firstIndex(where: {
                !$0.isPreflight && sameURL($0.request.url, target)
            })
        {
            let extra = final.responseHeaders.filter { $0.lowercasedName != "location" }
            redirects.append(
                ServerRedirect(
                    from: from, location: location, status: final.status, headers: extra, addsCORSHeaders: false,
                    appliesToPreflight: false))
            notes.append("\(final.request.url) redirects (\(final.status)) to \(target): followed to the next entry")
            position = next
            final = entries[next]
        }
        if final.status == 0 {
            notes.append(
                "warning: the HAR has no response for \(final.request.url) (status 0: the browser blocked or "
                    + "cancelled it); the scenario's server answers 200 with no headers. Record the real answers "
                    + "with: cors-explorer probe \(final.request.url) --origin \(request.page.serialized) --save FILE")
        }
        let response = final.status == 0 ? ServerResponse(status: 200) : response(final)
        let scenario = Scenario(
            title: "Imported from HAR: \(request.method) \(entry.request.url)", request: request,
            server: ServerDefinition(
                behavior: .raw(preflight: preflight.map(Self.response), response: response), redirects: redirects))
        return ImportedScenario(scenario: scenario, notes: notes)
    }

    private static func response(_ entry: Entry) -> ServerResponse {
        ServerResponse(status: entry.status, headers: entry.responseHeaders)
    }

    private static func sameURL(_ first: String, _ second: String) -> Bool {
        guard let one = try? ParsedURL.parse(first), let two = try? ParsedURL.parse(second) else {
            return first == second
        }
        return one.serializedWithoutFragment == two.serializedWithoutFragment
    }

    private static func resolve(_ location: String, against base: String) -> String? {
        guard let baseURL = URL(string: base), let target = URL(string: location, relativeTo: baseURL) else {
            return nil
        }
        return target.absoluteString
    }

    // MARK: Decoding

    private struct Archive: Decodable {
        var log: Log
    }

    private struct Log: Decodable {
        var entries: [RawEntry]
    }

    private struct RawEntry: Decodable {
        var request: RawRequest
        var response: RawResponse?
    }

    private struct RawRequest: Decodable {
        var method: String
        var url: String
        var headers: [RawHeader]?
        var postData: PostData?
    }

    private struct PostData: Decodable {
        var text: String?
    }

    private struct RawResponse: Decodable {
        var status: Int?
        var headers: [RawHeader]?
    }

    private struct RawHeader: Decodable {
        var name: String
        var value: String
    }

    static func parse(_ data: Data, file: String) throws(ImportError) -> [Entry] {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ImportError("\(file) is not JSON: \(error.localizedDescription)")
        }
        let archive: Archive
        do {
            archive = try JSONDecoder().decode(Archive.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ImportError("\(file) is not a HAR: \(path(context.codingPath + [key])) is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ImportError("\(file) is not a HAR: \(path(context.codingPath)) has the wrong type")
        } catch {
            throw ImportError("\(file) is not a HAR (expected log.entries): \(error)")
        }
        return archive.log.entries.map { raw in
            let headers = (raw.request.headers ?? []).map { HeaderField($0.name, $0.value) }
            let isPreflight =
                raw.request.method == "OPTIONS" && headers.contains(named: "Access-Control-Request-Method")
            return Entry(
                request: CopiedRequest(
                    method: raw.request.method, url: raw.request.url, headers: headers,
                    body: raw.request.postData?.text),
                status: raw.response?.status ?? 0,
                responseHeaders: (raw.response?.headers ?? []).map { HeaderField($0.name, $0.value) },
                isPreflight: isPreflight)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
    }
}
