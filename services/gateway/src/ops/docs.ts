import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Swagger UI at /docs and the document at /docs/openapi.json (public, outside the auth guard). */
export function setupDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Customer-service platform API')
    .setDescription(
      'Errors are application/problem+json. Commands accept If-Match (W/"<version>") and Idempotency-Key and answer with ETag.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}
