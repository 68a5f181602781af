using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ProbeHarness.Reporting.Writers;

/// <summary>Makes text safe for XML: pod logs carry control characters (ANSI colours) that XML 1.0 does not allow.</summary>
public static class XmlText
{
    /// <summary>Replaces every character XML 1.0 forbids with U+FFFD.</summary>
    public static string Clean(string text)
    {
        if (text.All(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return clean.ToString();
    }

    /// <summary>Cleans every attribute and text node under <paramref name="root"/>.</summary>
    public static void Sanitize(XElement root)
    {
        foreach (var element in root.DescendantsAndSelf())
        {
            foreach (var attribute in element.Attributes())
            {
                attribute.Value = Clean(attribute.Value);
            }

            foreach (var text in element.Nodes().OfType<XText>())
            {
                text.Value = Clean(text.Value);
            }
        }
    }
}
