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
        // Given: a dotnet host and a target app build where the finders say (the resolution checks they exist).
        using var directory = new TemporaryMapDirectory();
        var dotnet = directory.WriteFile("dotnet");
        var dll = directory.WriteFile("target-app/bin/Debug/net10.0/ProbeHarness.TargetApp.dll");
        var map = new EmulatedImageMap([EmulatedImageMap.BuiltIn()], findTargetAppDll: () => dll, findDotnet: () => dotnet);

        // When
        var resolved = map.Resolve("probe-harness/target-app:any-tag");

        // Then
        Assert.Equal([dotnet, dll], resolved.Entrypoint);
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

    [Fact]
    public void A_user_map_comes_before_the_built_in_map_and_adds_its_images()
    {
        // Given
        using var directory = new TemporaryMapDirectory();
        var path = directory.WriteMap("""{ "images": [ { "repository": "example/own-app", "cmd": ["own-app"] } ] }""");

        // When
        var map = EmulatedImageMap.FromFile(path);

        // Then
        Assert.True(map.Knows("docker.io/example/own-app:dev"));
        Assert.True(map.Knows("probe-harness/target-app:dev"));
        Assert.True(map.Knows("busybox"));
        Assert.Equal($"{path}, then emulated-images.json (built in)", map.Source);
        Assert.Equal(["own-app"], map.Resolve("example/own-app:dev").Cmd);
    }

    [Fact]
    public void A_user_entry_for_a_built_in_repository_overrides_it_without_error()
    {
        // Given: busybox is built in, with multicall busybox and cmd sh.
        using var directory = new TemporaryMapDirectory();
        var path = directory.WriteMap("""{ "images": [ { "repository": "docker.io/library/busybox", "cmd": ["my-shell"] } ] }""");

        // When
        var resolved = EmulatedImageMap.FromFile(path).Resolve("busybox:1.36");

        // Then
        Assert.Equal(["my-shell"], resolved.Cmd);
        Assert.Null(resolved.MulticallPath);
    }

    [Fact]
    public void A_duplicate_within_the_user_map_is_still_an_error_naming_the_file_and_index()
    {
        // Given
        using var directory = new TemporaryMapDirectory();
        var path = directory.WriteMap("""{ "images": [ { "repository": "example/own-app" }, { "repository": "example/own-app:dev" } ] }""");

        // When
        var error = Assert.Throws<FormatException>(() => EmulatedImageMap.FromFile(path));

        // Then
        Assert.Equal($"{path}: images[1].repository 'example/own-app:dev' appears twice", error.Message);
    }

    [Fact]
    public void MapDir_is_the_directory_of_the_map_file_that_holds_the_entry()
    {
        // Given
        using var directory = new TemporaryMapDirectory();
        var dotnet = directory.WriteFile("host/dotnet");
        var dll = directory.WriteFile("src/bin/Debug/net10.0/OwnApp.dll");
        var path = directory.WriteMap("""
            { "images": [ { "repository": "example/own-app",
              "entrypoint": ["{dotnet}", "{mapDir}/src/bin/Debug/net10.0/OwnApp.dll"], "cmd": ["--config={mapDir}/app.json"] } ] }
            """);

        // When
        var resolved = EmulatedImageMap.FromFile(path, findDotnet: () => dotnet).Resolve("example/own-app:dev");

        // Then
        Assert.Equal([dotnet, dll], resolved.Entrypoint);
        Assert.Equal([$"--config={directory.Path}/app.json"], resolved.Cmd);
    }

    [Fact]
    public void MapDir_in_a_map_that_is_not_a_file_is_rejected_naming_the_entry()
    {
        // Given: as in the built-in map, which has no directory.
        const string json = """{ "images": [ { "repository": "busybox" }, { "repository": "mine", "entrypoint": ["{mapDir}/run"] } ] }""";

        // When
        var error = Assert.Throws<FormatException>(() => EmulatedImageMap.Parse(json, "emulated-images.json (built in)"));

        // Then
        Assert.StartsWith("emulated-images.json (built in): images[1] ('mine') uses {mapDir}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_map_does_not_use_mapDir()
    {
        // Given / When
        var builtIn = EmulatedImageMap.BuiltIn();

        // Then: constructing a map over it validates every entry.
        Assert.Null(builtIn.MapDirectory);
        Assert.NotEmpty(new EmulatedImageMap([builtIn], () => "/x.dll", () => "/x/dotnet").Repositories);
    }

    [Fact]
    public void A_missing_build_fails_at_resolution_naming_the_file_the_entry_the_path_and_the_fix()
    {
        // Given: the entry points at a build output that is not there.
        using var directory = new TemporaryMapDirectory();
        var dotnet = directory.WriteFile("host/dotnet");
        var path = directory.WriteMap("""
            { "images": [ { "repository": "other" },
              { "repository": "example/own-app", "entrypoint": ["{dotnet}", "{mapDir}/src/bin/Debug/net10.0/OwnApp.dll"] } ] }
            """);
        var map = EmulatedImageMap.FromFile(path, findDotnet: () => dotnet);

        // When
        var error = Assert.Throws<FileNotFoundException>(() => map.Resolve("example/own-app:dev"));

        // Then
        var missing = $"{directory.Path}/src/bin/Debug/net10.0/OwnApp.dll";
        Assert.Equal(missing, error.FileName);
        Assert.StartsWith($"{path}: images[1] ('example/own-app'): {missing} does not exist; build it: dotnet build {directory.Path}/src", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_program_that_is_not_a_build_output_is_named_too()
    {
        // Given
        using var directory = new TemporaryMapDirectory();
        var path = directory.WriteMap("""{ "images": [ { "repository": "tool", "cmd": ["{mapDir}/bin/tool.sh", "--flag"] } ] }""");

        // When
        var error = Assert.Throws<FileNotFoundException>(() => EmulatedImageMap.FromFile(path).Resolve("tool"));

        // Then
        Assert.Equal($"{path}: images[0] ('tool'): {directory.Path}/bin/tool.sh does not exist; build or install it, or correct the entry", error.Message);
    }

    [Fact]
    public void A_missing_map_file_names_the_variable_and_the_path()
    {
        // Given
        using var directory = new TemporaryMapDirectory();
        var path = Path.Combine(directory.Path, "nowhere.json");

        // When
        var error = Assert.Throws<FileNotFoundException>(() => EmulatedImageMap.FromFile(path));

        // Then
        Assert.Contains(EmulatedImageMap.FileVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_own_app_example_map_runs_the_own_app_build_next_to_it()
    {
        // Given: examples/own-app/emulated-images.json of this repository.
        var path = Path.Combine(ProbeHarness.Cluster.RepositoryPaths.Root, "examples", "own-app", "emulated-images.json");

        // When
        var source = EmulatedImageMap.ReadSource(File.ReadAllText(path), path, Path.GetDirectoryName(path));
        var map = new EmulatedImageMap([source, EmulatedImageMap.BuiltIn()]);

        // Then: the words, not a resolution (this test project does not build the own app).
        var entry = Assert.Single(source.Config.Images);
        Assert.Equal("example/own-app", entry.Repository);
        Assert.Equal(["{dotnet}", "{mapDir}/src/bin/Debug/net10.0/OwnApp.dll"], entry.Entrypoint);
        Assert.True(map.Knows("example/own-app:dev"));
        Assert.True(map.Knows("probe-harness/target-app:dev"));
    }
}
