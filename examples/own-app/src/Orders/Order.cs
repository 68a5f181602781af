namespace OwnApp.Orders;

/// <summary>One order as <c>GET /orders</c> lists it.</summary>
/// <param name="Id">The order number, from 1.</param>
/// <param name="Item">What was ordered.</param>
/// <param name="Quantity">How many, at least 1.</param>
public sealed record Order(int Id, string Item, int Quantity);
