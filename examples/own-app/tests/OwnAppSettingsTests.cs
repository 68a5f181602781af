using System.Net;

namespace OwnApp.Tests;

public sealed class OwnAppSettingsTests
{
    [Fact]
    public void Unset_or_empty_variables_give_the_documented_defaults()
    {
        // Given
        var environment = new Dictionary<string, string> { ["PORT"] = "" };

        // When
        var settings = OwnAppSettings.FromEnvironment(environment.GetValueOrDefault);

        // Then
        Assert.Equal(8080, settings.HttpPort);
        Assert.Equal(8081, settings.TcpPort);
        Assert.Equal(IPAddress.Any, settings.BindAddress);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Warmup);
        Assert.Equal(TimeSpan.Zero, settings.ListenDelay);
    }

    [Fact]
    public void Values_are_read_and_seconds_may_be_fractional()
    {
        // Given
        var environment = new Dictionary<string, string>
        {
            ["PORT"] = "9000",
            ["TCP_PORT"] = "9001",
            ["BIND_ADDRESS"] = "127.0.3.7",
            ["WARMUP_SECONDS"] = "0.25",
            ["LISTEN_DELAY_SECONDS"] = "1.5",
        };

        // When
        var settings = OwnAppSettings.FromEnvironment(environment.GetValueOrDefault);

        // Then
        Assert.Equal(9000, settings.HttpPort);
        Assert.Equal(9001, settings.TcpPort);
        Assert.Equal(IPAddress.Parse("127.0.3.7"), settings.BindAddress);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.Warmup);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.ListenDelay);
    }

    [Theory]
    [InlineData("PORT", "http")]
    [InlineData("PORT", "0")]
    [InlineData("TCP_PORT", "65536")]
    [InlineData("BIND_ADDRESS", "localhost:80")]
    [InlineData("WARMUP_SECONDS", "-1")]
    [InlineData("WARMUP_SECONDS", "2s")]
    [InlineData("LISTEN_DELAY_SECONDS", "NaN")]
    [InlineData("TCP_PORT", "8080")]
    public void A_bad_value_names_its_variable(string variable, string value)
    {
        // Given
        var environment = new Dictionary<string, string> { [variable] = value };

        // When
        var error = Assert.Throws<SettingsException>(() => OwnAppSettings.FromEnvironment(environment.GetValueOrDefault));

        // Then
        Assert.Equal(variable, error.Variable);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }
}
