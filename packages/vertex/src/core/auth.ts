import { AnthropicError } from '@sdkgen/anthropic/core/error';
import type { AuthClient, GoogleAuth } from 'google-auth-library';

/** The OAuth scope Vertex AI's prediction endpoints accept. */
export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/** Where request credentials come from: `authClient`, then `googleAuth`, then `accessToken`, then ADC. */
export type VertexAuthSource = {
  accessToken: string | null;
  authClient: AuthClient | null;
  googleAuth: GoogleAuth | null;
};

/** Headers to send plus the project id the credentials belong to, when they name one. */
export type VertexAuth = { headers: Headers; projectId: string | null };

async function defaultGoogleAuth(): Promise<GoogleAuth> {
  // Imported on first use so callers with a plain access token never load it.
  try {
    const { GoogleAuth } = await import('google-auth-library');
    return new GoogleAuth({ scopes: CLOUD_PLATFORM_SCOPE });
  } catch (err) {
    throw new AnthropicError(
      "Google Vertex AI: could not load 'google-auth-library'; pass `accessToken`, `googleAuth` or `authClient`.",
      { cause: err },
    );
  }
}

/**
 * Produces the auth headers for each Vertex AI request: what the Google auth client returns
 * (`authClient`, else `googleAuth`'s client) when one was passed; otherwise
 * `Authorization: Bearer <accessToken>` when a token was given; otherwise Application Default
 * Credentials. The Google client is created once; its errors reach the caller unchanged.
 */
export class VertexAuthProvider {
  #client: Promise<AuthClient> | undefined;

  constructor(private readonly source: VertexAuthSource) {}

  /** The headers for the next request, and the project the credentials name, if any. */
  async resolve(): Promise<VertexAuth> {
    const { accessToken, authClient, googleAuth } = this.source;
    if (accessToken && !authClient && !googleAuth) {
      return { headers: new Headers({ authorization: `Bearer ${accessToken}` }), projectId: null };
    }
    this.#client ??= this.#loadClient();
    const client = await this.#client.catch((err) => {
      this.#client = undefined;
      throw err;
    });
    // google-auth-library 9 returns a plain object, 10 and later a `Headers`.
    const raw = (await client.getRequestHeaders()) as Headers | Record<string, string>;
    const headers = new Headers(raw);
    return { headers, projectId: client.projectId ?? headers.get('x-goog-user-project') ?? null };
  }

  async #loadClient(): Promise<AuthClient> {
    if (this.source.authClient) return this.source.authClient;
    const auth = this.source.googleAuth ?? (await defaultGoogleAuth());
    return (await auth.getClient()) as AuthClient;
  }
}
