using ProbeHarness.Cluster.Manifests;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ProbeHarness.Preflight.Input;

/// <summary>
/// Reads one manifest file of any number of YAML documents (e.g. <c>helm template</c> output) into the pod specs of its workloads. Other
/// built-in kinds (Service, ConfigMap…) are skipped; empty documents too. Bad input is collected as <see cref="ManifestException"/>s naming
/// the file and the line: an unreadable file, invalid YAML, a document without apiVersion or kind, an unknown kind, a field the kind does not have.
/// </summary>
public static class ManifestReader
{
    /// <summary>The pod specs of <paramref name="fullPath"/>, named <paramref name="file"/> in findings and errors.</summary>
    public static IReadOnlyList<PodTemplate> Read(string fullPath, string file, ICollection<ManifestException> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ManifestException(file, null, null, $"cannot read the manifest: {exception.Message}", exception));
            return [];
        }

        return Parse(text, file, errors);
    }

    /// <summary>The pod specs of manifest <paramref name="text"/>; <paramref name="file"/> names it in findings and errors.</summary>
    public static IReadOnlyList<PodTemplate> Parse(string text, string file, ICollection<ManifestException> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            errors.Add(new ManifestException(file, exception.Start.Line, exception.Start.Column, $"invalid YAML: {Innermost(exception).Message}", exception));
            return [];
        }

        var templates = new List<PodTemplate>();
        var ranges = DocumentRanges(text);
        foreach (var (document, range) in stream.Documents.Zip(ranges))
        {
            try
            {
                if (Template(document.RootNode, range, file) is { } template)
                {
                    templates.Add(template);
                }
            }
            catch (ManifestException error)
            {
                errors.Add(error);
            }
        }

        return templates;
    }

    private static PodTemplate? Template(YamlNode root, string documentText, string file)
    {
        if (root is YamlScalarNode { Value: null or "" })
        {
            // An empty document: a doubled '---', or a helm template that rendered nothing but its '# Source:' comment.
            return null;
        }

        if (root is not YamlMappingNode mapping)
        {
            throw new ManifestException(file, root.Start.Line, root.Start.Column, "a document must be a mapping with apiVersion and kind");
        }

        var apiVersion = Scalar(mapping, "apiVersion", file);
        var kind = Scalar(mapping, "kind", file);
        var name = mapping.Children.TryGetValue(new YamlScalarNode("metadata"), out var metadata) && metadata is YamlMappingNode meta
            && meta.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode) && nameNode is YamlScalarNode nameScalar
                ? nameScalar.Value
                : null;
        var outline = new ManifestDocument(apiVersion, kind, name, root.Start.Line);
        if (!KnownKinds.IsKnown(apiVersion, kind))
        {
            var served = KnownKinds.ApiVersionsOf(kind);
            var hint = (kind, served.Count) switch
            {
                ("List", _) => "a List is not unpacked; write its items as separate documents (kubectl get -o yaml gives a List)",
                (_, 0) => "not a built-in Kubernetes kind (custom resources are not checked; leave them out of the input)",
                _ => $"{kind} is served as {string.Join(", ", served.Select(v => $"'{v}'"))}",
            };
            throw new ManifestException(file, KeyLine(mapping, "kind"), null, $"unknown kind '{kind}' (apiVersion '{apiVersion}'): {hint}");
        }

        (k8s.Models.V1PodSpec? Spec, string Path)? podSpec;
        try
        {
            podSpec = WorkloadKinds.PodSpec(outline.TypeKey, documentText);
        }
        catch (YamlException exception)
        {
            throw new ManifestException(file, exception.Start.Line, exception.Start.Column, $"{outline}: {Innermost(exception).Message}", exception);
        }

        if (podSpec is not { } found)
        {
            return null;
        }

        if (found.Spec is null)
        {
            throw new ManifestException(file, root.Start.Line, null, $"{outline} has no pod spec at {found.Path}");
        }

        return new PodTemplate(file, outline, found.Spec, found.Path, new YamlFieldLocator(mapping));
    }

    // Each document's own text (from its start, '---' included, to its end), preceded by as many line breaks and spaces as come
    // before it in the file, so the positions in deserialization errors are the file's. Node marks cannot give this: a mapping's
    // End is its Start.
    private static List<string> DocumentRanges(string text)
    {
        var parser = new Parser(new StringReader(text));
        var ranges = new List<string>();
        Mark? start = null;
        while (parser.MoveNext())
        {
            if (parser.Current is DocumentStart begin)
            {
                start = begin.Start;
            }
            else if (parser.Current is DocumentEnd end && start is { } from)
            {
                var body = text[(int)from.Index..(int)Math.Min(end.Start.Index, text.Length)];
                ranges.Add(new string('\n', (int)from.Line - 1) + new string(' ', (int)from.Column - 1) + body);
                start = null;
            }
        }

        return ranges;
    }

    private static string Scalar(YamlMappingNode mapping, string key, string file)
    {
        if (mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        throw new ManifestException(file, mapping.Start.Line, mapping.Start.Column, $"the document has no '{key}'");
    }

    private static long KeyLine(YamlMappingNode mapping, string key) =>
        mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode scalar && scalar.Value == key)?.Start.Line ?? mapping.Start.Line;

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is YamlException inner ? Innermost(inner) : exception;
}
