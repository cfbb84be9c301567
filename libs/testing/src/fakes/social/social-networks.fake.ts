import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { closeNow, readRequestBody, serveOnLoopback } from '../loopback';
import { facebookRoute } from './facebook.router';
import { instagramRoute } from './instagram.router';
import { linkedinRoute } from './linkedin.router';
import {
  SocialFakeState,
  type CreateFault,
  type FakeNetwork,
  type FakePost,
  type FakeRequest,
  type FakeSocialUser,
} from './social-fake-state';
import { xRoute } from './x.router';

const ROUTES: Record<
  FakeNetwork,
  (state: SocialFakeState, request: FakeRequest, response: ServerResponse) => Promise<void>
> = {
  linkedin: linkedinRoute,
  x: xRoute,
  facebook: facebookRoute,
  instagram: instagramRoute,
};

const CLIENTS: Record<FakeNetwork, { clientId: string; clientSecret: string }> = {
  linkedin: { clientId: 'li-client', clientSecret: 'li-secret' },
  x: { clientId: 'x-client', clientSecret: 'x-secret' },
  facebook: { clientId: 'fb-app', clientSecret: 'fb-secret' },
  instagram: { clientId: 'ig-client', clientSecret: 'ig-secret' },
};

/**
 * LinkedIn, X, Facebook Pages and Instagram on one loopback server, each under
 * its own prefix (`/linkedin`, `/x`, `/facebook`, `/instagram`) serving both its
 * consent/token endpoints and its API in the network's wire format. `env()` points
 * the real drivers at it. Test controls: `approveAs` (who consents),
 * `failNextCreate` (lost or late answers after the post was made, 429, 5xx,
 * expired token), `expireTokens`, `refuseRefresh`; `posts` is what was published.
 */
export class SocialNetworksFake {
  readonly state = new SocialFakeState();
  private server?: Server;

  async start(): Promise<string> {
    for (const [network, client] of Object.entries(CLIENTS)) {
      this.state.clients.set(network as FakeNetwork, client);
    }
    const { server, url } = await serveOnLoopback((request, response) =>
      this.handle(request, response),
    );
    this.server = server;
    this.state.baseUrl = url;
    return url;
  }

  stop(): Promise<void> {
    return closeNow(this.server);
  }

  /** Credentials and endpoint overrides for every network. */
  env(): Record<string, string> {
    const base = this.state.baseUrl;
    return {
      LINKEDIN_CLIENT_ID: CLIENTS.linkedin.clientId,
      LINKEDIN_CLIENT_SECRET: CLIENTS.linkedin.clientSecret,
      LINKEDIN_AUTH_BASE: `${base}/linkedin`,
      LINKEDIN_API_BASE: `${base}/linkedin`,
      TWITTER_CLIENT_ID: CLIENTS.x.clientId,
      TWITTER_CLIENT_SECRET: CLIENTS.x.clientSecret,
      X_AUTH_BASE: `${base}/x`,
      X_API_BASE: `${base}/x`,
      FACEBOOK_APP_ID: CLIENTS.facebook.clientId,
      FACEBOOK_APP_SECRET: CLIENTS.facebook.clientSecret,
      FACEBOOK_AUTH_BASE: `${base}/facebook`,
      FACEBOOK_GRAPH_BASE: `${base}/facebook`,
      INSTAGRAM_CLIENT_ID: CLIENTS.instagram.clientId,
      INSTAGRAM_CLIENT_SECRET: CLIENTS.instagram.clientSecret,
      INSTAGRAM_AUTH_BASE: `${base}/instagram`,
      INSTAGRAM_GRAPH_BASE: `${base}/instagram`,
    };
  }

  approveAs(network: FakeNetwork, user: FakeSocialUser): this {
    this.state.approveAs(network, user);
    return this;
  }

  failNextCreate(network: FakeNetwork, fault: CreateFault): void {
    this.state.failNextCreate(network, fault);
  }

  expireTokens(network: FakeNetwork): void {
    this.state.expireTokens(network);
  }

  refuseRefresh(network: FakeNetwork, refuse = true): void {
    this.state.refuseRefresh(network, refuse);
  }

  /** Posts the network holds for an author (member id, page id, Instagram user id), newest first. */
  posts(network: FakeNetwork, author?: string): FakePost[] {
    return this.state.posts
      .filter((p) => p.network === network && (!author || p.author.endsWith(author)))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  requests(network: FakeNetwork): FakeRequest[] {
    return this.state.requests.filter((r) => r.network === network);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.state.baseUrl);
    const [, prefix, ...rest] = url.pathname.split('/');
    if (!(prefix in ROUTES)) {
      response.writeHead(404).end();
      return;
    }
    const network = prefix as FakeNetwork;
    const recorded: FakeRequest = {
      network,
      method: request.method ?? 'GET',
      path: `/${rest.join('/')}`,
      url,
      headers: request.headers,
      body: await readRequestBody(request),
    };
    this.state.requests.push(recorded);
    await ROUTES[network](this.state, recorded, response);
  }
}
