using System.Formats.Tar;
using System.Text;

namespace ProbeHarness.Kubernetes.Tests.Images;

/// <summary>Small tar archives shaped like <c>docker save</c> output.</summary>
public static class TarArchives
{
    public static MemoryStream Create(params (string Name, string Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
            }
        }

        stream.Position = 0;
        return stream;
    }

    public static byte[] DockerSave(string repoTag) => Create(
        ("blobs/sha256/layer", "layer bytes"),
        ("manifest.json", $$"""[{"Config":"blobs/sha256/cfg","RepoTags":["{{repoTag}}"],"Layers":["blobs/sha256/layer"]}]""")).ToArray();
}
