namespace ApGrid.Api.Rest;

internal static class RestProblemMetadata
{
    /// <summary>The problem responses an endpoint may give besides those every endpoint gives (401, 500).</summary>
    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses.Append(StatusCodes.Status401Unauthorized).Append(StatusCodes.Status500InternalServerError))
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
