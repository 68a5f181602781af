using ProbeHarness.Kubernetes.Images;

namespace ProbeHarness.Kubernetes.Tests.Images;

public sealed class DockerArchiveTests
{
    private static MemoryStream Archive(params (string Name, string Content)[] entries) => TarArchives.Create(entries);

    [Fact]
    public void Reads_repo_tags_from_a_docker_save_manifest()
    {
        // Given a classic docker save archive
        using var archive = Archive(
            ("blobs/sha256/aaaa", "layer"),
            ("manifest.json", """[{"Config":"blobs/sha256/cfg","RepoTags":["probe-harness/target-app:sha-0123456789ab"],"Layers":["blobs/sha256/aaaa"]}]"""));

        // When its names are read
        // Then the tag is found
        Assert.Equal(["probe-harness/target-app:sha-0123456789ab"], DockerArchive.ReadImageNames(archive));
    }

    [Fact]
    public void Reads_names_from_an_oci_index()
    {
        // Given an archive from Docker's containerd image store, with only the OCI index naming the image
        using var archive = Archive(
            ("./oci-layout", """{"imageLayoutVersion":"1.0.0"}"""),
            ("./index.json", """{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:bbbb","size":1,"annotations":{"io.containerd.image.name":"docker.io/probe-harness/target-app:sha-0123456789ab","org.opencontainers.image.ref.name":"sha-0123456789ab"}}]}"""));

        // When its names are read
        // Then the full reference counts and the bare tag does not
        Assert.Equal(["docker.io/probe-harness/target-app:sha-0123456789ab"], DockerArchive.ReadImageNames(archive));
    }

    [Fact]
    public void An_archive_saved_by_id_is_refused_before_it_is_imported_unnamed()
    {
        // Given an archive saved by image id: no RepoTags
        var path = Path.Combine(Path.GetTempPath(), $"ph-archive-{Guid.NewGuid():N}.tar");
        using (var archive = Archive(("manifest.json", """[{"Config":"blobs/sha256/cfg","RepoTags":null,"Layers":[]}]""")))
        using (var file = File.Create(path))
        {
            archive.CopyTo(file);
        }

        try
        {
            // When it is checked for the reference
            var error = Assert.Throws<InvalidDataException>(() => DockerArchive.EnsureNamed(path, "probe-harness/target-app:sha-0123456789ab"));

            // Then the message says what it names and why that matters
            Assert.Equal(
                $"{path} does not name probe-harness/target-app:sha-0123456789ab (it names: nothing); ctr would import it unnamed and the pods could not find it. Delete the file so it is saved again by name.",
                error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_is_not_an_image_archive_is_refused()
    {
        // Given a tar without manifest.json or index.json
        using var archive = Archive(("hello.txt", "hi"));

        // When its names are read
        var error = Assert.Throws<InvalidDataException>(() => DockerArchive.ReadImageNames(archive));

        // Then it says what is missing
        Assert.Equal("Not a docker save archive: it has neither manifest.json nor index.json.", error.Message);
    }

    [Theory]
    [InlineData("busybox", "docker.io/library/busybox:latest")]
    [InlineData("probe-harness/target-app:sha-1", "docker.io/probe-harness/target-app:sha-1")]
    [InlineData("docker.io/probe-harness/target-app:sha-1", "docker.io/probe-harness/target-app:sha-1")]
    [InlineData("localhost:5000/app:1", "localhost:5000/app:1")]
    [InlineData("ghcr.io/org/app@sha256:abc", "ghcr.io/org/app@sha256:abc")]
    public void Normalizes_references_as_containerd_stores_them(string reference, string expected)
    {
        // Given an image reference
        // When it is normalized
        // Then it has a registry and a tag or digest
        Assert.Equal(expected, DockerArchive.Normalize(reference));
    }
}
