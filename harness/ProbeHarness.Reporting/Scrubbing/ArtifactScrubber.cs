using System.Text;
using System.Text.RegularExpressions;

namespace ProbeHarness.Reporting.Scrubbing;

/// <summary>
/// Scrubs a copied report file according to its <see cref="ArtifactFormat"/>: data with <see cref="CredentialScrubber"/>,
/// HTML only where it holds text or data, so bundled code (Cucumber's <c>"password"===t</c>) survives byte for byte.
/// </summary>
public static partial class ArtifactScrubber
{
    /// <summary>The script assignment by which Cucumber's HTML report carries its messages: data, so scrubbed.</summary>
    public const string CucumberMessagesAssignment = "window.CUCUMBER_MESSAGES";

    /// <summary>Returns <paramref name="text"/>, in <paramref name="format"/>, with the credentials in its data removed.</summary>
    public static string Scrub(string text, ArtifactFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        return format switch
        {
            ArtifactFormat.Html => ScrubHtml(text),
            _ => CredentialScrubber.Scrub(text),
        };
    }

    private static string ScrubHtml(string html)
    {
        var scrubbed = new StringBuilder(html.Length);
        var at = 0;
        foreach (Match element in CodeElement().Matches(html))
        {
            scrubbed.Append(CredentialScrubber.Scrub(html[at..element.Index]));
            var body = element.Groups["body"];
            scrubbed.Append(html, element.Index, body.Index - element.Index);
            scrubbed.Append(IsData(element, body.Value) ? CredentialScrubber.Scrub(body.Value) : body.Value);
            scrubbed.Append(html, body.Index + body.Length, element.Index + element.Length - body.Index - body.Length);
            at = element.Index + element.Length;
        }

        scrubbed.Append(CredentialScrubber.Scrub(html[at..]));
        return scrubbed.ToString();
    }

    // A script is code unless it only assigns Cucumber's messages (JSON); a style is never data.
    private static bool IsData(Match element, string body) =>
        element.Groups["tag"].Value.Equals("script", StringComparison.OrdinalIgnoreCase)
        && body.TrimStart().StartsWith(CucumberMessagesAssignment, StringComparison.Ordinal);

    // As an HTML parser reads them: a script or style element ends at the first matching end tag.
    [GeneratedRegex(@"<(?<tag>script|style)\b[^>]*>(?<body>.*?)</\k<tag>\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CodeElement();
}
