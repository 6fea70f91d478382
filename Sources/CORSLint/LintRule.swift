/// The lint's rules; the raw value is the stable id printed by `cors-explorer lint` and kept in JSON output.
///
/// The cases are in the order the rules are documented in docs/lint.md.
public enum LintRule: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Every origin can read responses with the user's cookies (reflect-any plus credentials).
    case anyOriginWithCredentials = "any-origin-with-credentials"
    /// Every origin can read responses, without cookies (`*` or reflect-any without credentials).
    case anyOriginWithoutCredentials = "any-origin-without-credentials"
    /// The `null` origin (sandboxed iframes, data: and file: pages) is allowed.
    case nullOriginAllowed = "null-origin-allowed"
    /// The origin check does not anchor the end: `https://app.example.com.evil.net` gets in.
    case unanchoredOriginEnd = "unanchored-origin-end"
    /// A regex dot is not escaped: `https://appxexample.com` gets in.
    case unescapedDot = "unescaped-dot"
    /// A suffix match without a label boundary: `https://evilexample.com` gets in.
    case suffixWithoutLabelBoundary = "suffix-without-label-boundary"
    /// A regex entry in the allow-list lacks `^` or `$`, though no probe got in.
    case regexNotAnchored = "regex-not-anchored"
    /// An `http://` origin can read an `https://` API.
    case insecureOriginTrusted = "insecure-origin-trusted"
    /// Any subdomain of a trusted domain gets in.
    case anySubdomainTrusted = "any-subdomain-trusted"
    /// A shared-hosting or developer origin (github.io, codepen, jsfiddle, localhost…) gets in.
    case sharedHostingOrigin = "shared-hosting-origin"
    /// `Access-Control-Allow-Origin: *` together with `Access-Control-Allow-Credentials: true`.
    case wildcardOriginWithCredentials = "wildcard-origin-with-credentials"
    /// Several `Access-Control-Allow-Origin` values in one response.
    case multipleAllowOriginValues = "multiple-allow-origin-values"
    /// An `Access-Control-Allow-Origin` value that is neither `*`, `null` nor a serialized origin.
    case invalidAllowOriginValue = "invalid-allow-origin-value"
    /// An origin-dependent `Access-Control-Allow-Origin` without `Vary: Origin`.
    case missingVaryOrigin = "missing-vary-origin"
    /// The preflight answer echoes whatever request headers are asked for.
    case requestHeadersMirrored = "request-headers-mirrored"
    /// `*` in `Access-Control-Allow-Methods`, `-Allow-Headers` or `-Expose-Headers` together with credentials.
    case wildcardListWithCredentials = "wildcard-list-with-credentials"
    /// `Access-Control-Allow-Headers: *` does not cover `Authorization`.
    case authorizationNotCoveredByWildcard = "authorization-not-covered-by-wildcard"
    /// `Access-Control-Max-Age` beyond what browsers honour.
    case maxAgeBeyondBrowserCaps = "max-age-beyond-browser-caps"
}
