import { AnthropicError } from '@sdkgen/anthropic/core/error';
import type { AuthClient, GoogleAuth } from 'google-auth-library';

/** The OAuth scope Vertex AI's prediction endpoints accept. */
export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/** Where request credentials come from; the first one present wins. */
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
 * Produces the auth headers for each Vertex AI request: `Authorization: Bearer <accessToken>`
 * when a token was given, otherwise whatever the Google auth client (Application Default
 * Credentials unless `googleAuth`/`authClient` is passed) returns. The client is created once.
 */
export class VertexAuthProvider {
  #client: Promise<AuthClient> | undefined;

  constructor(private readonly source: VertexAuthSource) {}

  /** The headers for the next request. */
  async resolve(): Promise<VertexAuth> {
    if (this.source.accessToken) {
      return {
        headers: new Headers({ authorization: `Bearer ${this.source.accessToken}` }),
        projectId: null,
      };
    }
    this.#client ??= this.#loadClient();
    const client = await this.#client.catch((err) => {
      this.#client = undefined;
      throw err;
    });
    let raw: Headers | Record<string, string>;
    try {
      raw = (await client.getRequestHeaders()) as Headers | Record<string, string>;
    } catch (err) {
      throw new AnthropicError(
        'Google Vertex AI: could not get credentials. Pass `accessToken`, or set up Application Default ' +
          'Credentials (`gcloud auth application-default login` or GOOGLE_APPLICATION_CREDENTIALS).',
        { cause: err },
      );
    }
    const headers = new Headers(raw);
    return { headers, projectId: client.projectId ?? headers.get('x-goog-user-project') ?? null };
  }

  async #loadClient(): Promise<AuthClient> {
    if (this.source.authClient) return this.source.authClient;
    const auth = this.source.googleAuth ?? (await defaultGoogleAuth());
    try {
      return (await auth.getClient()) as AuthClient;
    } catch (err) {
      throw new AnthropicError(
        'Google Vertex AI: no Google credentials found. Pass `accessToken`, or set up Application Default ' +
          'Credentials (`gcloud auth application-default login` or GOOGLE_APPLICATION_CREDENTIALS).',
        { cause: err },
      );
    }
  }
}
