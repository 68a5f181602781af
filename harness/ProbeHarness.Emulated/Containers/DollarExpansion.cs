using System.Text;

namespace ProbeHarness.Emulated.Containers;

/// <summary>Kubernetes <c>$(VAR)</c> expansion (<c>third_party/forked/golang/expansion</c>): <c>$$</c> escapes, an unknown or unclosed reference stays as written.</summary>
public static class DollarExpansion
{
    /// <summary>Expands every <c>$(NAME)</c> in <paramref name="input"/> that <paramref name="lookup"/> knows.</summary>
    public static string Expand(string input, Func<string, string?> lookup)
    {
        var buffer = new StringBuilder(input.Length);
        var checkpoint = 0;
        for (var cursor = 0; cursor < input.Length; cursor++)
        {
            if (input[cursor] != '$' || cursor + 1 >= input.Length)
            {
                continue;
            }

            buffer.Append(input, checkpoint, cursor - checkpoint);
            var (read, isVariable, advance) = ReadVariableName(input.AsSpan(cursor + 1));
            buffer.Append(isVariable ? lookup(read) ?? $"$({read})" : read);
            cursor += advance;
            checkpoint = cursor + 1;
        }

        return buffer.Append(input, checkpoint, input.Length - checkpoint).ToString();
    }

    private static (string Read, bool IsVariable, int Advance) ReadVariableName(ReadOnlySpan<char> input)
    {
        switch (input[0])
        {
            case '$':
                return ("$", false, 1);
            case '(':
                var close = input.IndexOf(')');
                return close > 0 ? (input[1..close].ToString(), true, close + 1) : ("$(", false, 1);
            default:
                return ("$" + input[0], false, 1);
        }
    }
}
