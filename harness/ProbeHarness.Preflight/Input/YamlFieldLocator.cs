using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ProbeHarness.Preflight.Input;

/// <summary>Finds the line of a field path (<c>spec.template.spec.containers[0].livenessProbe</c>) in a parsed YAML document.</summary>
/// <param name="Root">The document's root node; its positions are the file's (each document's lines offset into the file).</param>
public sealed partial record YamlFieldLocator(YamlNode Root)
{
    /// <summary>
    /// The one-based line of the deepest part of <paramref name="fieldPath"/> that is written: the key's line for a mapping entry, the
    /// item's line for a list element, so an absent (defaulted) field points at the nearest parent that is there.
    /// </summary>
    public long Line(string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(fieldPath);
        YamlNode node = Root;
        var line = Root.Start.Line;
        foreach (Match segment in Segment().Matches(fieldPath))
        {
            if (segment.Groups["name"].Success && node is YamlMappingNode mapping)
            {
                var entry = mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode key && key.Value == segment.Groups["name"].Value);
                if (entry.Key is null)
                {
                    break;
                }

                line = entry.Key.Start.Line;
                node = entry.Value;
            }
            else if (segment.Groups["index"].Success && node is YamlSequenceNode sequence
                && int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var index
                && index < sequence.Children.Count)
            {
                node = sequence.Children[index];
                line = node.Start.Line;
            }
            else
            {
                break;
            }
        }

        return line;
    }

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}
