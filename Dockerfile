# The image docker-compose.yml builds: the app with its pinned dependencies.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN python -m babel.messages.frontend compile --domain django --directory locale
EXPOSE 8000
