namespace OwnApp.Health;

/// <summary>The probe endpoints: <c>/health/live</c> and <c>/health/ready</c>.</summary>
public static class HealthEndpoints
{
    private static readonly HealthStatus Alive = new("alive");
    private static readonly HealthStatus Ready = new("ready");
    private static readonly HealthStatus WarmingUp = new("warming up");

    /// <summary>Maps the two endpoints.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var warmup = app.Services.GetRequiredService<WarmupGate>();
        app.MapGet("/health/live", context => WriteAsync(context, StatusCodes.Status200OK, Alive));
        app.MapGet("/health/ready", context => warmup.IsReady
            ? WriteAsync(context, StatusCodes.Status200OK, Ready)
            : WriteAsync(context, StatusCodes.Status503ServiceUnavailable, WarmingUp));
    }

    private static Task WriteAsync(HttpContext context, int statusCode, HealthStatus body)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(body, OwnAppJson.Default.HealthStatus, cancellationToken: context.RequestAborted);
    }
}
