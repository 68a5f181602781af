using ProbeHarness.Emulated.Images;

namespace ProbeHarness.Emulated.Tests.Images;

public sealed class EmulatedImageMapTests
{
    [Theory]
    [InlineData("probe-harness/target-app:dev", "probe-harness/target-app")]
    [InlineData("probe-harness/target-app", "probe-harness/target-app")]
    [InlineData("docker.io/library/busybox:1.36", "busybox")]
    [InlineData("busybox@sha256:abcdef", "busybox")]
    [InlineData("localhost:5000/probe-harness/target-app:v2", "localhost:5000/probe-harness/target-app")]
    public void Repository_drops_tag_digest_and_docker_hub_prefixes(string image, string repository)
    {
        // Given / When
        var actual = EmulatedImageMap.RepositoryOf(image);

        // Then
        Assert.Equal(repository, actual);
    }

    [Fact]
    public void Built_in_map_runs_any_tag_of_the_target_app_with_dotnet_and_the_located_dll()
    {
        // Given
        var map = EmulatedImageMap.Load(
            findTargetAppDll: () => "/repo/target-app/bin/Debug/net10.0/ProbeHarness.TargetApp.dll", findDotnet: () => "/usr/bin/dotnet");

        // When
        var resolved = map.Resolve("probe-harness/target-app:any-tag");

        // Then
        Assert.Equal(["/usr/bin/dotnet", "/repo/target-app/bin/Debug/net10.0/ProbeHarness.TargetApp.dll"], resolved.Entrypoint);
        Assert.Empty(resolved.Cmd);
        Assert.Equal("/tmp/healthy", resolved.Env["HEALTH_FILE"]);
    }

    [Fact]
    public void Built_in_target_app_resolves_to_the_build_of_this_repository()
    {
        // Given: the test project builds the target app (ProjectReference without output assembly).
        var map = EmulatedImageMap.Load();

        // When
        var resolved = map.Resolve("probe-harness/target-app:dev");

        // Then
        Assert.EndsWith("ProbeHarness.TargetApp.dll", resolved.Entrypoint[1], StringComparison.Ordinal);
        Assert.True(File.Exists(resolved.Entrypoint[1]));
    }

    [Fact]
    public void Unknown_image_names_the_map_and_the_known_repositories()
    {
        // Given
        var map = EmulatedImageMap.Parse("""{ "images": [ { "repository": "busybox", "cmd": ["sh"] } ] }""", "my-images.json");

        // When
        var error = Assert.Throws<KeyNotFoundException>(() => map.Resolve("nginx:1.27"));

        // Then
        Assert.Contains("'nginx:1.27'", error.Message, StringComparison.Ordinal);
        Assert.Contains("my-images.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("busybox", error.Message, StringComparison.Ordinal);
        Assert.False(map.Knows("nginx"));
        Assert.True(map.Knows("docker.io/library/busybox:latest"));
    }

    [Fact]
    public void Syntax_error_names_the_file_and_line()
    {
        // Given
        const string json = "{\n  \"images\": [\n    { \"repository\": \"busybox\", }\n    oops\n  ]\n}";

        // When
        var error = Assert.Throws<FormatException>(() => EmulatedImageMap.Parse(json, "bad-images.json"));

        // Then
        Assert.StartsWith("bad-images.json line 4:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_or_missing_repository_is_rejected_with_its_index()
    {
        // Given
        const string duplicate = """{ "images": [ { "repository": "busybox" }, { "repository": "docker.io/busybox" } ] }""";
        const string missing = """{ "images": [ { "cmd": ["sh"] } ] }""";

        // When
        var twice = Assert.Throws<FormatException>(() => EmulatedImageMap.Parse(duplicate, "x.json"));
        var absent = Assert.Throws<FormatException>(() => EmulatedImageMap.Parse(missing, "x.json"));

        // Then
        Assert.Equal("x.json: images[1].repository 'docker.io/busybox' appears twice", twice.Message);
        Assert.StartsWith("x.json line 1:", absent.Message, StringComparison.Ordinal);
        Assert.Contains("'repository'", absent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multicall_binary_is_used_only_when_the_host_has_it()
    {
        // Given
        var map = EmulatedImageMap.Parse("""
            { "images": [
              { "repository": "present", "multicall": "sh" },
              { "repository": "absent", "multicall": "no-such-multicall-binary" } ] }
            """, "x.json");

        // When
        var present = map.Resolve("present");
        var absent = map.Resolve("absent");

        // Then
        Assert.NotNull(present.MulticallPath);
        Assert.Null(absent.MulticallPath);
    }
}
