using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProbeHarness.Reporting.Input;

/// <summary>
/// Names a scenario record's file after the scenario's unique id (<c>featurePath#pickleIndex</c>), never after its
/// title: two scenarios whose titles read alike must never overwrite each other's record.
/// </summary>
public static class RecordFileName
{
    /// <summary>The file name for <paramref name="scenarioId"/>: readable words of the id, then a hash of the exact id.</summary>
    /// <example><c>features/liveness/http.feature#3</c> → <c>features-liveness-http-feature-3--1a2b3c4d5e6f.json</c>.</example>
    public static string For(string scenarioId)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenarioId);
        var words = new StringBuilder(scenarioId.Length);
        foreach (var c in scenarioId.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                words.Append(c);
            }
            else if (words.Length > 0 && words[^1] != '-')
            {
                words.Append('-');
            }
        }

        var readable = words.ToString();
        readable = (readable.Length > 120 ? readable[^120..] : readable).Trim('-');
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scenarioId)), 0, 6).ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"{(readable.Length > 0 ? readable : "scenario")}--{hash}.json");
    }
}
