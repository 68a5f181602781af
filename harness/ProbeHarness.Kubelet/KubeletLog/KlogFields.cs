namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>
/// A structured klog message (<c>InfoS</c>, Kubernetes 1.21+): a quoted message, then <c>key=value</c> pairs whose values are
/// quoted strings or bare tokens, e.g. <c>"Probe failed" probeType="Liveness" pod="ns/name" podUID=… containerName="app"</c>.
/// </summary>
/// <param name="Message">The message, unquoted.</param>
/// <param name="Values">The values by key, unquoted; a multi-line value (<c>key=&lt;</c>) and what follows it are left out.</param>
internal sealed record KlogFields(string Message, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The fields of <paramref name="message"/>, or null when it does not start with a quoted message.</summary>
    public static KlogFields? Parse(string message)
    {
        if (GoQuoted.Read(message, 0) is not { } head)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = head.End;
        while (i < message.Length)
        {
            while (i < message.Length && message[i] == ' ')
            {
                i++;
            }

            var equals = message.IndexOf('=', i);
            if (equals <= i)
            {
                break;
            }

            var key = message[i..equals];
            i = equals + 1;
            if (i < message.Length && message[i] == '"')
            {
                if (GoQuoted.Read(message, i) is not { } quoted)
                {
                    break; // a value cut off: keep what was read before it
                }

                values[key] = quoted.Value;
                i = quoted.End;
            }
            else if (i < message.Length && message[i] == '<')
            {
                break; // klog's multi-line value: its lines follow without a header
            }
            else
            {
                var end = BareEnd(message, i);
                values[key] = message[i..end];
                i = end;
            }
        }

        return new KlogFields(head.Value, values);
    }

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public string? this[string key] => Values.GetValueOrDefault(key);

    // A bare value ends at a space outside brackets (klog prints structs as &{ID:… Type:…}).
    private static int BareEnd(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{' or '[' or '(':
                    depth++;
                    break;
                case '}' or ']' or ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ' ' when depth == 0:
                    return i;
            }
        }

        return text.Length;
    }
}
