// A real nginx (Debian's package) with proxy_cache in front of the app, as
// a CDN or an operator's edge would run it: it follows the app's own
// Cache-Control (s-maxage, stale-while-revalidate) and Vary, keeps no
// response that says private or no-store, and streams the live seat
// events unbuffered. Runs in a temporary folder on a free port.
import { freePort, waitForPort } from "./processes.ts";

export const NGINX_PATH = "/usr/sbin/nginx";

export function hasNginx(): boolean {
  try {
    return Deno.statSync(NGINX_PATH).isFile;
  } catch {
    return false;
  }
}

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

/** The nginx.conf for a cache in `dir` in front of 127.0.0.1:`upstream`. */
export function nginxConfig(dir: string, port: number, upstream: number) {
  const proxy = `proxy_pass http://127.0.0.1:${upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;`;
  return `
user root;
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  proxy_cache_path ${dir}/cache levels=1 keys_zone=busbook:1m max_size=50m
    inactive=1m use_temp_path=off;
  server {
    listen 127.0.0.1:${port};
    location / {
      ${proxy}
      proxy_cache busbook;
      proxy_cache_revalidate on;
      proxy_cache_lock on;
      proxy_cache_background_update on;
      proxy_cache_use_stale updating;
      add_header X-Cache-Status $upstream_cache_status always;
    }
    location ~ /events$ {
      ${proxy}
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

/** Starts nginx in front of 127.0.0.1:`upstream`; stop() removes it all. */
export async function startNginxCache(upstream: number): Promise<RunningNginx> {
  const dir = await Deno.makeTempDir({ prefix: "busbook-nginx-" });
  const port = freePort();
  const conf = `${dir}/nginx.conf`;
  await Deno.writeTextFile(conf, nginxConfig(dir, port, upstream));
  const child = new Deno.Command(NGINX_PATH, {
    args: ["-p", dir, "-c", conf],
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const stderr = new Response(child.stderr).text();
  try {
    await waitForPort(port, true, 10_000);
  } catch (error) {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
    throw new Error(`nginx did not start: ${await stderr}`, { cause: error });
  }
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        child.kill("SIGQUIT");
      } catch { /* already gone */ }
      await child.status;
      await stderr.catch(() => {});
      await Deno.remove(dir, { recursive: true });
    },
  };
}
