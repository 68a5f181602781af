using System.Text;

namespace ProbeHarness.Steps.Support;

/// <summary>Turns a title into a DNS-label-safe slug (lower-case letters, digits, dashes), e.g. for namespace and file names.</summary>
public static class ScenarioSlug
{
    /// <summary>The slug of <paramref name="title"/>, at most <paramref name="maxLength"/> characters.</summary>
    public static string Of(string title, int maxLength = 40)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString();
        text = text.Length > maxLength ? text[..maxLength] : text;
        text = text.Trim('-');
        return text.Length > 0 ? text : "scenario";
    }
}
