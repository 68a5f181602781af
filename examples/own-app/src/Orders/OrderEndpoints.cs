using System.Text.Json;

namespace OwnApp.Orders;

/// <summary>The <c>/orders</c> routes: list and add.</summary>
public static class OrderEndpoints
{
    /// <summary>Maps <c>GET /orders</c> and <c>POST /orders</c>.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var book = app.Services.GetRequiredService<OrderBook>();
        // Untyped HttpContext lambdas bind to RequestDelegate, which skips the reflection-based delegate factory.
        app.MapGet("/orders", context => context.Response.WriteAsJsonAsync(book.All(), OwnAppJson.Default.IReadOnlyListOrder, cancellationToken: context.RequestAborted));
        app.MapPost("/orders", context => AddAsync(context, book));
    }

    private static async Task AddAsync(HttpContext context, OrderBook book)
    {
        NewOrder? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, OwnAppJson.Default.NewOrder, context.RequestAborted);
        }
        catch (JsonException e)
        {
            await BadRequestAsync(context, $"the body is not an order: {e.Message}");
            return;
        }

        if (string.IsNullOrWhiteSpace(request?.Item) || request.Quantity < 1)
        {
            await BadRequestAsync(context, "an order needs an item and a quantity of at least 1");
            return;
        }

        var order = book.Add(request.Item.Trim(), request.Quantity);
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.Location = $"/orders/{order.Id}";
        await context.Response.WriteAsJsonAsync(order, OwnAppJson.Default.Order, cancellationToken: context.RequestAborted);
    }

    private static Task BadRequestAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsJsonAsync(new ErrorBody(message), OwnAppJson.Default.ErrorBody, cancellationToken: context.RequestAborted);
    }
}
