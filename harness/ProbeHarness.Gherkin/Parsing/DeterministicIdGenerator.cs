using System.Security.Cryptography;
using System.Text;
using Gherkin.CucumberMessages;

namespace ProbeHarness.Gherkin.Parsing;

/// <summary>
/// Cucumber message ids derived from the feature's path and text: stable between runs (the HTML report links
/// pickles to their AST nodes by id) and unique across features, because every feature has its own seed.
/// </summary>
internal sealed class DeterministicIdGenerator : IIdGenerator
{
    private readonly string _seed;
    private int _next;

    /// <summary>Creates a generator whose ids are unique to <paramref name="path"/> with <paramref name="text"/>.</summary>
    public DeterministicIdGenerator(string path, string text)
    {
        _seed = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path + "\n" + text)));
    }

    /// <summary>The next id, a GUID string.</summary>
    public string GetNewId()
    {
        var counter = Interlocked.Increment(ref _next);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{_seed}:{counter}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
