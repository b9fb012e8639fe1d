namespace Himaya.Platform;

/// <summary>The bundled district boundaries for every map of the app (the directory, coverage, deprivation), anonymous.</summary>
public static class DistrictBoundariesApi
{
    public static void MapDistrictBoundaries(this RouteGroupBuilder open) =>
        open.MapGet("/public/districts.geojson", (DistrictBoundaries boundaries, HttpContext http) =>
        {
            // The boundaries never change while the app runs: a day in the browser's cache is safe.
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return TypedResults.Bytes(boundaries.GeoJson, "application/geo+json");
        }).WithName("DistrictBoundaries").WithTags("Places").AllowAnonymous();
}
