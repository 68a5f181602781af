using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProbeHarness.Cluster.Manifests;

/// <summary>Reads the <c>apiVersion</c>/<c>kind</c> of every document first, so syntax errors, empty documents and unknown kinds are reported with their line.</summary>
public static class ManifestOutline
{
    /// <summary>The documents of <paramref name="yaml"/>; throws <see cref="ManifestException"/> naming <paramref name="file"/> and the line.</summary>
    public static IReadOnlyList<ManifestDocument> Read(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            throw new ManifestException(file, exception.Start.Line, exception.Start.Column, $"invalid YAML: {Innermost(exception).Message}", exception);
        }

        var documents = new List<ManifestDocument>();
        foreach (var document in stream.Documents)
        {
            var root = document.RootNode;
            if (root is not YamlMappingNode mapping)
            {
                // A trailing or doubled '---' gives an empty document, whose root is an empty scalar.
                var problem = root is YamlScalarNode { Value: null or "" }
                    ? "empty YAML document (a stray '---'?)"
                    : "a document must be a mapping with apiVersion and kind";
                throw new ManifestException(file, root.Start.Line, root.Start.Column, problem);
            }

            var apiVersion = Scalar(mapping, "apiVersion", file);
            var kind = Scalar(mapping, "kind", file);
            var name = mapping.Children.TryGetValue(new YamlScalarNode("metadata"), out var metadata) && metadata is YamlMappingNode meta
                && meta.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode) && nameNode is YamlScalarNode nameScalar
                    ? nameScalar.Value
                    : null;
            documents.Add(new ManifestDocument(apiVersion, kind, name, root.Start.Line));
        }

        return documents;
    }

    private static string Scalar(YamlMappingNode mapping, string key, string file)
    {
        if (mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        throw new ManifestException(file, mapping.Start.Line, mapping.Start.Column, $"the document has no '{key}'");
    }

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is YamlException inner ? Innermost(inner) : exception;
}
