namespace ProbeHarness.Gherkin.Parsing;

/// <summary>
/// Reads the tags of feature text line by line, without parsing it: every <c>@name</c> on a line that starts with
/// <c>@</c>. Used for files that do not parse, so their error still shows in the runs that filter on their tags.
/// </summary>
public static class TagScan
{
    /// <summary>The distinct tags written in <paramref name="text"/>, without <c>@</c>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tags = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith('@'))
            {
                continue;
            }

            var comment = line.IndexOf(" #", StringComparison.Ordinal);
            var words = (comment < 0 ? line : line[..comment]).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            foreach (var word in words.Where(w => w.Length > 1 && w[0] == '@'))
            {
                if (!tags.Contains(word[1..], StringComparer.Ordinal))
                {
                    tags.Add(word[1..]);
                }
            }
        }

        return tags;
    }
}
