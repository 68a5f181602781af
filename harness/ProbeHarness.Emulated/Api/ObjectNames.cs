using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;

namespace ProbeHarness.Emulated.Api;

/// <summary>Generated object names as the controllers make them: <c>&lt;deploy&gt;-&lt;template hash&gt;-&lt;5&gt;</c> pods, <c>&lt;svc&gt;-&lt;5&gt;</c> slices.</summary>
/// <remarks>Suffixes use apimachinery's <c>rand.String</c> alphabet (no vowels, no 0/1/3), so they look like a real cluster's.</remarks>
public static class ObjectNames
{
    /// <summary>apimachinery's <c>util/rand</c> alphabet.</summary>
    public const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>A random suffix of <paramref name="length"/> characters (<c>generateName</c> uses 5).</summary>
    public static string RandomSuffix(int length = 5)
    {
        var suffix = new char[length];
        for (var i = 0; i < length; i++)
        {
            suffix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(suffix);
    }

    /// <summary>The ReplicaSet's <c>pod-template-hash</c>: 10 characters derived from the pod template, stable for equal templates.</summary>
    public static string TemplateHash(V1PodTemplateSpec template)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(KubernetesJson.Serialize(template)));
        var hash = new char[10];
        for (var i = 0; i < hash.Length; i++)
        {
            hash[i] = Alphabet[bytes[i] % Alphabet.Length];
        }

        return new string(hash);
    }

    /// <summary>A DNS-label slug: lowercase letters and digits, other runs become one '-', at most <paramref name="maxLength"/> long.</summary>
    public static string Slug(string text, int maxLength)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant())
        {
            if (character is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(character);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return (slug.Length > maxLength ? slug[..maxLength] : slug).TrimEnd('-');
    }
}
