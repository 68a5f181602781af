using System.Text;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Splits a command written in a table cell into its words, with single and double quotes grouping words as a shell would.</summary>
public static class CommandLine
{
    /// <summary>The words of <paramref name="text"/>; quotes group and are removed, nothing is expanded.</summary>
    /// <exception cref="FormatException">A quote is not closed.</exception>
    public static IList<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            throw new FormatException($"the quote {quote} in '{text}' is not closed.");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words.Count > 0 ? words : throw new FormatException("the command is empty.");
    }
}
